# boto3 S3 GetObject against ENDPOINT (path-style), one attempt, uncaught.
# Usage: boto3_s3.py ENDPOINT
import sys

import boto3
from botocore.config import Config

s3 = boto3.client("s3", endpoint_url=sys.argv[1], region_name="us-east-1",
                  config=Config(retries={"max_attempts": 1, "mode": "standard"}, s3={"addressing_style": "path"}))
s3.get_object(Bucket="reports", Key="reports/2026.csv")
