"""What readers search for on the AWS site, and the page each of them expects first.

Names, aliases and full names; what a service does in the notes' own words; facts only the notes
hold. Kept apart from the test so the figures (hit@1, hit@3, MRR) are reported over one list.
"""

from __future__ import annotations

S = "aws/services/"

QUERIES: list[tuple[str, str]] = [
    # Names, aliases, full names
    ("EC2", S + "ec2/"),
    ("Elastic Compute Cloud", S + "ec2/"),
    ("Lambda", S + "lambda/"),
    ("AWS Lambda", S + "lambda/"),
    ("Auto Scaling Group", S + "asg/"),
    ("EC2 Auto Scaling", S + "asg/"),
    ("ELB", S + "elastic-load-balancing/"),
    ("Elastic Load Balancing", S + "elastic-load-balancing/"),
    ("Simple Storage Service", S + "s3/"),
    ("Route 53", S + "route-53/"),
    ("Identity and Access Management", S + "iam/"),
    ("Key Management Service", S + "kms/"),
    ("Database Migration Service", S + "dms/"),
    ("DynamoDB Accelerator", S + "dax/"),
    ("Virtual Private Cloud", S + "vpc/"),
    ("Fargate", S + "fargate/"),
    ("Cognito", S + "cognito/"),
    ("X-Ray", S + "x-ray/"),
    ("Trusted Advisor", S + "trusted-advisor/"),
    ("Elastic Beanstalk", S + "elastic-beanstalk/"),
    ("Glacier", S + "glacier/"),
    ("Step Functions", S + "step-functions/"),
    # What it does, in the notes' words
    ("serverless compute", S + "lambda/"),
    ("object storage", S + "s3/"),
    ("pub/sub", S + "sns/"),
    ("NoSQL", S + "dynamodb/"),
    ("DNS web service", S + "route-53/"),
    ("content delivery network", S + "cloudfront/"),
    ("user authentication", S + "cognito/"),
    ("message queuing", S + "sqs/"),
    ("email sending", S + "ses/"),
    ("GraphQL service", S + "appsync/"),
    ("Kubernetes", S + "eks/"),
    ("Docker container registry", S + "ecr/"),
    ("data warehousing", S + "redshift/"),
    ("graph database", S + "neptune/"),
    ("DDoS", S + "shield/"),
    ("threat detection", S + "guardduty/"),
    ("API call logging", S + "cloudtrail/"),
    ("infrastructure as code", S + "cloudformation/"),
    ("workflow orchestration", S + "step-functions/"),
    ("real-time data streaming", S + "kinesis/"),
    ("query data in S3 using SQL", S + "athena/"),
    ("block storage", S + "ebs/"),
    ("scalable file system", S + "efs/"),
    ("Firebase", S + "amplify/"),
    # Facts only the notes hold
    ("15 minutes", S + "lambda/"),
    ("5 TB", S + "s3/"),
    ("retried at least three times", S + "lambda/"),
    ("Identity Pool", S + "cognito/"),
    ("certification rating", "aws/certifications/"),
]
