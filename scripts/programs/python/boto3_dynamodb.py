# boto3 DynamoDB PutItem against ENDPOINT, one attempt, uncaught.
# Usage: boto3_dynamodb.py ENDPOINT
import sys

import boto3
from botocore.config import Config

ddb = boto3.client("dynamodb", endpoint_url=sys.argv[1], region_name="us-east-1",
                   config=Config(retries={"max_attempts": 1, "mode": "standard"}))
ddb.put_item(TableName="orders", Item={"id": {"S": "o-1"}})
