"""Labelled truth for notes/aws.md: the services and categories a careful reader finds in them."""

from __future__ import annotations

AWS_SERVICES = {
    # Catalog (`### … Services` headings)
    "EC2", "Lambda", "Elastic Beanstalk", "ECS", "EKS", "ECR", "Fargate",
    "S3", "EBS", "EFS", "Glacier",
    "RDS", "DynamoDB", "DAX", "ElastiCache", "Redshift", "DocumentDB", "Neptune",
    "CloudFront", "Route 53", "API Gateway", "VPC", "Elastic Load Balancing",
    "IAM", "Cognito", "KMS", "WAF", "AWS Shield", "GuardDuty", "Inspector",
    "CloudWatch", "CloudTrail", "CloudFormation", "Trusted Advisor",
    "Step Functions", "SNS", "SQS", "SES", "AppSync", "Amplify",
    "Glue", "DMS", "Kinesis", "Athena",
    # Named only in the overview, the flow or the "by Category" list
    "AWS Network Firewall", "CodePipeline", "ASG", "Aurora", "X-Ray", "Batch",
}  # fmt: skip

# Bold terms and names in the notes that are not services of their own.
AWS_NOT_SERVICES = [
    "General Points", "Handler", "Controller", "User Pool", "Identity Pool", "IaaS", "PaaS", "Scaling-Out",
    "Scaling-In", "Ease of Use", "Public Cloud", "Regions", "Availability Zones", "AMI", "Launch Configuration",
    "Security Groups", "Network ACLs", "AWS Direct Connect", "AWS Artifact", "AWS CLI", "SDKs", "Subnets",
    "Internet Gateway", "Firebase", "Google Firebase", "SAM CLI", "Compute", "Storage", "Security", "Standard",
    "Components", "Applications", "Limitations", "Cloud", "Root User", "MFA", "AWS",
]  # fmt: skip

AWS_CATEGORIES = {
    "Compute": {"EC2", "Lambda", "Elastic Beanstalk", "ECS", "EKS", "ECR", "Fargate", "Batch"},
    "Storage": {"S3", "EBS", "EFS", "Glacier"},
    "Database": {"RDS", "DynamoDB", "DAX", "ElastiCache", "Redshift", "DocumentDB", "Neptune"},
    "Networking": {"CloudFront", "Route 53", "API Gateway", "VPC", "Elastic Load Balancing"},
    "Security": {"IAM", "Cognito", "KMS", "WAF", "AWS Shield", "GuardDuty", "Inspector"},
    "Monitoring & Management": {"CloudWatch", "CloudTrail", "CloudFormation", "Trusted Advisor", "IAM"},
    "Application Integration": {"Step Functions", "SNS", "SQS", "SES", "AppSync", "Amplify"},
    "Data Processing": {"Glue", "DMS", "Kinesis", "Athena"},
    "Application Services": {"AppSync", "Cognito"},
    "Messaging": {"SNS", "SES", "SQS"},
    "Workflow": {"Step Functions", "Kinesis"},
}

AWS_LAYERS = [
    ("Web", ["Route 53", "CloudFront", "Elastic Load Balancing", "API Gateway", "WAF", "AWS Network Firewall"]),
    ("Servers", ["EC2", "Lambda", "ECS", "ECR", "Elastic Beanstalk", "ASG"]),
    ("Security", ["IAM", "Cognito", "KMS"]),
    ("Data", ["S3", "RDS", "Aurora", "DynamoDB", "DAX", "EBS", "ElastiCache"]),
    ("Move & Process", ["Glue", "DMS", "Kinesis"]),
    ("Notify / Messaging", ["SQS", "SNS", "SES"]),
    ("Build & Monitor", ["CodePipeline", "CloudFormation", "CloudWatch", "Amplify", "AppSync"]),
    ("Flow / Orchestration", ["Step Functions", "X-Ray"]),
]

AWS_CERTIFICATIONS = [
    ("AWS Certified Cloud Practitioner", "4.72", "Foundational"),
    ("AWS Certified Solutions Architect Associate", "7.72", "Associate"),
    ("AWS Certified Developer Associate", "4.67", "Associate"),
    ("AWS Certified SysOps Administrator Associate", "4.69", "Associate"),
    ("AWS Certified Solutions Architect Professional", "4.71", "Professional"),
]
