#!/usr/bin/env python3
"""Writes synthetic CloudTrail days in CloudTrail's own layout, deterministically for a seed.

    python3 scripts/cloudtrail/make-trail.py --out /tmp/trail --days 3 --events 100000 --seed 7

writes OUT/AWSLogs/<o-orgid>/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz (an organisation
trail; --no-org for AWSLogs/<account>/...), ending on --end (default 2026-11-20), --events records
per day spread over --accounts accounts and their files (CloudTrail delivers a file about every
five minutes per account and region). Records look like CloudTrail's: IAM users' API calls with
long-term keys, console sign-ins with and without MFA, Identity Center sessions
(AWSReservedSSO_<set>_<id>/<email>), SAML-federated roles, service roles, AWS services acting for
users. The same seed and arguments give byte-identical files (gzip without a timestamp). Only
Python 3's standard library is needed.
"""

import argparse
import datetime as dt
import gzip
import json
import os
import random
import sys

REGIONS = ["us-east-1", "eu-west-1"]
SOURCES = [
    ("s3.amazonaws.com", ["GetObject", "PutObject", "ListBuckets", "HeadObject"]),
    ("ec2.amazonaws.com", ["DescribeInstances", "DescribeVolumes", "RunInstances"]),
    ("iam.amazonaws.com", ["ListUsers", "GetUser", "ListRoles"]),
    ("sts.amazonaws.com", ["GetCallerIdentity", "AssumeRole"]),
    ("dynamodb.amazonaws.com", ["Query", "GetItem", "PutItem"]),
    ("kms.amazonaws.com", ["Decrypt", "GenerateDataKey"]),
]
AGENTS = [
    "aws-cli/2.15.30 Python/3.11.8 Linux/6.1 exe/x86_64.ubuntu.22",
    "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#6.1 lang/python#3.11.8",
    "aws-sdk-java/2.25.10 Linux/6.1 OpenJDK_64-Bit_Server_VM/17.0.10",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 Chrome/123.0",
    "console.amazonaws.com",
    "Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.42.0",
]
PERMISSION_SETS = ["AWSReservedSSO_ReadOnly_5a1b2c3d4e5f6a7b", "AWSReservedSSO_Admin_0f9e8d7c6b5a4f3e"]


def key_id(rng, prefix):
    return prefix + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))


class Organisation:
    """The accounts, people and principals every day draws from."""

    def __init__(self, rng, accounts, people):
        self.accounts = ["%012d" % (100000000000 + rng.randrange(899999999999)) for _ in range(accounts)]
        self.people = ["person%03d@example.test" % i for i in range(people)]
        self.users = {
            a: [("user%03d" % i, key_id(rng, "AKIA")) for i in range(max(2, people // 4))]
            for a in self.accounts
        }
        self.ips = ["203.0.113.%d" % i for i in range(1, 255)] + ["198.51.100.%d" % i for i in range(1, 255)]
        self.home = {p: rng.choice(self.ips) for p in self.people}


def identity_user(account, user, key):
    return {
        "type": "IAMUser",
        "principalId": "AIDA" + user.upper(),
        "arn": "arn:aws:iam::%s:user/%s" % (account, user),
        "accountId": account,
        "accessKeyId": key,
        "userName": user,
    }


def identity_role(account, role, session, key, path=""):
    return {
        "type": "AssumedRole",
        "principalId": "AROA%s:%s" % (role.upper()[:12], session),
        "arn": "arn:aws:sts::%s:assumed-role/%s/%s" % (account, role, session),
        "accountId": account,
        "accessKeyId": key,
        "sessionContext": {
            "sessionIssuer": {
                "type": "Role",
                "principalId": "AROA" + role.upper()[:12],
                "arn": "arn:aws:iam::%s:role/%s%s" % (account, path, role),
                "accountId": account,
                "userName": role,
            },
            "attributes": {"creationDate": "", "mfaAuthenticated": "false"},
        },
    }


def record(rng, org, account, region, when):
    """One record of a kind drawn by weight."""
    source, names = rng.choice(SOURCES)
    event = {
        "eventVersion": "1.09",
        "eventTime": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "eventSource": source,
        "eventName": rng.choice(names),
        "awsRegion": region,
        "sourceIPAddress": rng.choice(org.ips),
        "userAgent": rng.choice(AGENTS),
        "requestParameters": {"bucketName": "data-%d" % rng.randrange(20)},
        "responseElements": None,
        "requestID": "%032x" % rng.getrandbits(128),
        "eventID": "%032x" % rng.getrandbits(128),
        "readOnly": True,
        "eventType": "AwsApiCall",
        "managementEvent": True,
        "recipientAccountId": account,
        "eventCategory": "Management",
    }
    kind = rng.random()
    if kind < 0.35:
        user, key = rng.choice(org.users[account])
        event["userIdentity"] = identity_user(account, user, key)
    elif kind < 0.40:
        user, _ = rng.choice(org.users[account])
        event.update(
            eventSource="signin.amazonaws.com",
            eventName="ConsoleLogin",
            eventType="AwsConsoleSignIn",
            userAgent=AGENTS[3],
            responseElements={"ConsoleLogin": "Success" if rng.random() < 0.95 else "Failure"},
            additionalEventData={
                "LoginTo": "https://console.aws.amazon.com/console/home",
                "MobileVersion": "No",
                "MFAUsed": "Yes" if rng.random() < 0.8 else "No",
            },
        )
        identity = identity_user(account, user, None)
        del identity["accessKeyId"]
        event["userIdentity"] = identity
    elif kind < 0.65:
        person = rng.choice(org.people)
        event["sourceIPAddress"] = org.home[person]
        event["userIdentity"] = identity_role(
            account, rng.choice(PERMISSION_SETS), person, key_id(rng, "ASIA"),
            "aws-reserved/sso.amazonaws.com/")
    elif kind < 0.75:
        person = rng.choice(org.people)
        event["sourceIPAddress"] = org.home[person]
        event["userIdentity"] = identity_role(account, "DataAnalyst", person, key_id(rng, "ASIA"))
    elif kind < 0.77:
        person = rng.choice(org.people)
        event.update(
            eventSource="sts.amazonaws.com",
            eventName="AssumeRoleWithSAML",
            userIdentity={
                "type": "SAMLUser",
                "principalId": "Okta:" + person,
                "userName": person,
                "identityProvider": "Okta",
            },
            requestParameters={
                "roleArn": "arn:aws:iam::%s:role/DataAnalyst" % account,
                "principalArn": "arn:aws:iam::%s:saml-provider/Okta" % account,
            },
            responseElements={
                "assumedRoleUser": {
                    "arn": "arn:aws:sts::%s:assumed-role/DataAnalyst/%s" % (account, person)
                }
            },
        )
    elif kind < 0.95:
        event["sourceIPAddress"] = "10.%d.%d.%d" % (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        event["userIdentity"] = identity_role(
            account, "app-runtime", "i-%017x" % rng.getrandbits(68), key_id(rng, "ASIA"))
    else:
        user, key = rng.choice(org.users[account])
        identity = identity_user(account, user, key)
        identity["invokedBy"] = "cloudformation.amazonaws.com"
        event["userIdentity"] = identity
        event["sourceIPAddress"] = "cloudformation.amazonaws.com"
    return event


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, help="folder to write AWSLogs/ into")
    parser.add_argument("--days", type=int, default=1)
    parser.add_argument("--events", type=int, default=10000, help="records per day")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--accounts", type=int, default=4)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--per-file", type=int, default=2000, help="records per log file, at most")
    parser.add_argument("--end", default="2026-11-20", help="the last day, YYYY-MM-DD")
    parser.add_argument("--no-org", action="store_true", help="an account trail, not an organisation's")
    args = parser.parse_args()
    if args.days < 1 or args.events < 1 or args.accounts < 1 or args.per_file < 1:
        parser.error("--days, --events, --accounts and --per-file must be positive")
    rng = random.Random(args.seed)
    org = Organisation(rng, args.accounts, args.people)
    end = dt.date.fromisoformat(args.end)
    org_id = "o-%010x" % rng.getrandbits(40)
    files = 0
    total = 0
    for d in range(args.days):
        day = end - dt.timedelta(days=args.days - 1 - d)
        streams = [(a, r) for a in org.accounts for r in REGIONS]
        per_stream = [args.events // len(streams)] * len(streams)
        for i in range(args.events % len(streams)):
            per_stream[i] += 1
        for (account, region), count in zip(streams, per_stream):
            if count == 0:
                continue
            base = os.path.join(args.out, "AWSLogs")
            if not args.no_org:
                base = os.path.join(base, org_id)
            folder = os.path.join(base, account, "CloudTrail", region, day.strftime("%Y/%m/%d"))
            os.makedirs(folder, exist_ok=True)
            start = dt.datetime.combine(day, dt.time(0), tzinfo=dt.timezone.utc)
            times = sorted(start + dt.timedelta(seconds=rng.randrange(86400)) for _ in range(count))
            for n in range(0, count, args.per_file):
                chunk = times[n : n + args.per_file]
                records = [record(rng, org, account, region, t) for t in chunk]
                stamp = chunk[-1].strftime("%Y%m%dT%H%MZ")
                name = "%s_CloudTrail_%s_%s_%08x.json.gz" % (account, region, stamp, rng.getrandbits(32))
                body = json.dumps({"Records": records}, separators=(",", ":")).encode()
                with open(os.path.join(folder, name), "wb") as out:
                    out.write(gzip.compress(body, compresslevel=6, mtime=0))
                files += 1
                total += len(records)
    print("wrote %d records in %d files under %s" % (total, files, args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
