# An HTTPError caught and another exception raised while handling it (or,
# with "from", as its cause): the two-part traceback.
# Usage: requests_chained.py URL during|from
import sys

import requests


class UserServiceError(Exception):
    pass


def create_user(url, email):
    resp = requests.post(url, json={"email": email})
    try:
        resp.raise_for_status()
    except requests.HTTPError as e:
        if sys.argv[2] == "from":
            raise UserServiceError(f"could not create user {email}") from e
        raise UserServiceError(f"could not create user {email}: {resp.status_code} {resp.text}")
    return resp.json()


create_user(sys.argv[1], "ada@example.com")
