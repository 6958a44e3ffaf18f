#!/usr/bin/env python3
"""Fills an emulated AWS account (a moto server) with IAM users, for scripts/bench-aws.

    python populate-aws.py --endpoint http://127.0.0.1:5000 --users 500 --seed 1

Run it with the moto virtualenv's python (it needs boto3). The population is a pure function of
--users and --seed (one seeded generator consumed in a fixed order), so two fresh servers
populated with the same arguments hold the same users, groups, policies, keys, login profiles and
MFA devices; only the ids and secrets the emulator makes differ. The proportions are those of
scripts/benchmark/make-org.py's IAM users: 6 % service users (path /service/, an access key, no
MFA), and of the people 3 % without MFA, 5 % with a FIDO security key, 2 % with a hardware token
and the rest with a virtual device; a quarter with an access key (5 % of them two), a console
password for every person, groups Admins / Developers / ReadOnly (customer managed stand-ins for
the AWS managed policies, which moto does not load by default), a few more customer managed and
inline policies, some roles, and a password policy. It prints one JSON line of what it made.
"""
import argparse
import json
import random
import sys

import boto3

ACCOUNT_PASSWORD = "Bench-Password-1!"
GIVEN = ["ada", "ben", "cara", "dev", "eli", "fay", "gus", "hana", "ivan", "jo", "kai", "lena",
         "milo", "nia", "omar", "pia", "quin", "rosa", "sam", "tara", "uma", "vik", "wren",
         "xia", "yara", "zed", "amir", "bea", "cole", "dina", "emil", "flor", "gwen", "hugo",
         "iris", "jana", "karl", "luz", "mina", "noor"]
FAMILY = ["abbott", "baros", "chen", "dube", "ekwu", "frey", "garza", "holm", "ibsen", "jovic",
          "kahn", "lund", "moreau", "nagy", "okoro", "petit", "quist", "roth", "sato", "toma",
          "ueda", "vance", "wolff", "xu", "yilmaz", "zorn", "amari", "brandt", "costa", "dahl",
          "engel", "fabre", "greco", "haas", "ilic", "jung", "kovac", "lopez", "mori", "nash"]
DOMAIN = "northwind-bench.example"

PROPORTIONS = {
    "service": 0.06,
    "no_mfa": 0.03,
    "fido": 0.05,
    "hardware": 0.02,
    "key": 0.25,
    "two_keys": 0.05,
    "admin": 0.004,
    "developer": 0.5,
    "escalation": 0.003,
    "inline": 0.02,
    "inline_star": 0.001,
}


def doc(*statements):
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def allow(action, resource="*"):
    return {"Effect": "Allow", "Action": action, "Resource": resource}


def trust(principal):
    return doc({"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", required=True, help="the emulator, http://127.0.0.1:PORT")
    parser.add_argument("--users", type=int, required=True, help="how many IAM users")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    def chance(key):
        return rng.random() < PROPORTIONS[key]

    session = boto3.session.Session(aws_access_key_id="testing",
                                    aws_secret_access_key="testing",
                                    region_name="us-east-1")
    iam = session.client("iam", endpoint_url=args.endpoint)
    account = session.client("sts", endpoint_url=args.endpoint).get_caller_identity()["Account"]

    iam.update_account_password_policy(
        MinimumPasswordLength=14, RequireSymbols=True, RequireNumbers=True,
        RequireUppercaseCharacters=True, RequireLowercaseCharacters=True,
        AllowUsersToChangePassword=True, MaxPasswordAge=90, PasswordReusePrevention=12)

    def policy(name, document):
        return iam.create_policy(PolicyName=name, PolicyDocument=document)["Policy"]["Arn"]

    # Customer managed stand-ins for AdministratorAccess, PowerUserAccess and ReadOnlyAccess: a
    # moto server has no AWS managed policies unless told to load all of them.
    groups = {
        "Admins": policy("Administrator", doc(allow("*"))),
        "Developers": policy("PowerUser", doc({"Effect": "Allow", "NotAction": ["iam:*",
                                                                               "organizations:*"],
                                               "Resource": "*"})),
        "ReadOnly": policy("ReadOnly", doc(allow(["s3:Get*", "s3:List*", "ec2:Describe*",
                                                  "iam:Get*", "iam:List*"]))),
    }
    for group, arn in groups.items():
        iam.create_group(GroupName=group)
        iam.attach_group_policy(GroupName=group, PolicyArn=arn)

    deploy = policy("DeployPipeline", doc(allow(["s3:PutObject", "s3:GetObject",
                                                 "cloudformation:*", "ecr:*"])))
    key_manager = policy("IamKeyManager", doc(allow(["iam:CreateAccessKey",
                                                     "iam:UpdateAccessKey"])))
    data_reader = policy("DataLakeRead", doc(allow(["s3:GetObject", "s3:ListBucket",
                                                    "athena:*", "glue:Get*"])))
    iam.attach_group_policy(GroupName="Developers", PolicyArn=data_reader)

    roles = max(5, args.users // 50)
    for i in range(roles):
        name = f"app-{i:03d}"
        if i % 5 == 0:
            principal = {"Service": "lambda.amazonaws.com"}
        elif i % 5 == 1:
            principal = {"Service": "ec2.amazonaws.com"}
        else:
            principal = {"AWS": f"arn:aws:iam::{account}:root"}
        iam.create_role(RoleName=name, AssumeRolePolicyDocument=trust(principal))
        iam.attach_role_policy(RoleName=name, PolicyArn=deploy if i % 2 else data_reader)
        if i % 7 == 0:
            iam.put_role_policy(RoleName=name, PolicyName="extra",
                                PolicyDocument=doc(allow("sqs:*")))

    made = {"users": 0, "services": 0, "virtual": 0, "fido": 0, "hardware": 0, "no_mfa": 0,
            "keys": 0, "login_profiles": 0, "inline": 0, "roles": roles}
    taken = set()
    for slot in range(args.users):
        given = GIVEN[slot % len(GIVEN)]
        family = FAMILY[(slot // len(GIVEN)) % len(FAMILY)]
        service = chance("service")
        if service:
            name = f"svc-{slot:05d}"
            path = "/service/"
            tags = [{"Key": "kind", "Value": "service"},
                    {"Key": "owner", "Value": f"{given}.{family}@{DOMAIN}"}]
        else:
            name = f"{given}.{family}"
            if name in taken:
                name = f"{name}-{slot}"
            path = "/"
            tags = [{"Key": "email", "Value": f"{name}@{DOMAIN}"}]
        taken.add(name)
        iam.create_user(UserName=name, Path=path, Tags=tags)
        made["users"] += 1

        if service:
            made["services"] += 1
            iam.attach_user_policy(UserName=name, PolicyArn=deploy)
            iam.create_access_key(UserName=name)
            made["keys"] += 1
            continue

        roll = rng.random()
        if roll < PROPORTIONS["admin"]:
            iam.add_user_to_group(GroupName="Admins", UserName=name)
        elif roll < PROPORTIONS["admin"] + PROPORTIONS["developer"]:
            iam.add_user_to_group(GroupName="Developers", UserName=name)
        else:
            iam.add_user_to_group(GroupName="ReadOnly", UserName=name)
        if chance("escalation"):
            iam.attach_user_policy(UserName=name, PolicyArn=key_manager)
        if chance("inline"):
            iam.put_user_policy(UserName=name, PolicyName="project-access",
                                PolicyDocument=doc(allow(["dynamodb:GetItem", "dynamodb:Query"])))
            made["inline"] += 1
        if chance("inline_star"):
            iam.put_user_policy(UserName=name, PolicyName="break-glass",
                                PolicyDocument=doc(allow("*")))
            made["inline"] += 1
        iam.create_login_profile(UserName=name, Password=ACCOUNT_PASSWORD)
        made["login_profiles"] += 1
        if chance("key"):
            iam.create_access_key(UserName=name)
            made["keys"] += 1
            if chance("two_keys"):
                iam.create_access_key(UserName=name)
                made["keys"] += 1

        roll = rng.random()
        if roll < PROPORTIONS["no_mfa"]:
            made["no_mfa"] += 1
            continue
        if roll < PROPORTIONS["no_mfa"] + PROPORTIONS["fido"]:
            serial = f"arn:aws:iam::{account}:u2f/user/{name}/key-{rng.getrandbits(40):010x}"
            made["fido"] += 1
        elif roll < PROPORTIONS["no_mfa"] + PROPORTIONS["fido"] + PROPORTIONS["hardware"]:
            serial = f"GAHT{rng.randrange(10**8):08d}"
            made["hardware"] += 1
        else:
            serial = iam.create_virtual_mfa_device(
                VirtualMFADeviceName=name)["VirtualMFADevice"]["SerialNumber"]
            made["virtual"] += 1
        iam.enable_mfa_device(UserName=name, SerialNumber=serial,
                              AuthenticationCode1="123456", AuthenticationCode2="654321")

    made["account"] = account
    print(json.dumps(made, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
