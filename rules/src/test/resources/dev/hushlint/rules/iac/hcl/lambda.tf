terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }

  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "orders/lambda.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      team    = "orders"
      service = "order-api"
    }
  }
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "db_password" {
  description = "Password of the orders database user"
  type        = string
  sensitive   = true
}

data "aws_caller_identity" "current" {}

resource "aws_iam_role" "order_api" {
  name = "order-api-${terraform.workspace}"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "order_api_secrets" {
  name = "read-order-secrets"
  role = aws_iam_role.order_api.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadOrderSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
        Resource = "arn:aws:secretsmanager:${var.region}:${data.aws_caller_identity.current.account_id}:secret:prod/orders/*"
      },
      {
        Sid      = "DecryptWithOrdersKey"
        Effect   = "Allow"
        Action   = "kms:Decrypt"
        Resource = aws_kms_key.orders.arn
        Condition = {
          StringEquals = {
            "kms:ViaService" = "secretsmanager.${var.region}.amazonaws.com"
          }
        }
      },
    ]
  })
}

resource "aws_lambda_function" "order_api" {
  function_name = "order-api"
  role          = aws_iam_role.order_api.arn
  runtime       = "java17"
  handler       = "com.acme.orders.Handler::handleRequest"
  filename      = "${path.module}/../target/order-api.jar"
  memory_size   = 1024
  timeout       = 30
  kms_key_arn   = aws_kms_key.orders.arn

  environment {
    variables = {
      SPRING_PROFILES_ACTIVE = "prod"
      DB_URL                 = "jdbc:postgresql://${aws_db_instance.orders.endpoint}/orders"
      DB_USER                = "orders_app"
      DB_PASSWORD            = "xTDKCWsL5Naw9WFN4WEEYfI4" # inlined during an incident
      DB_PASSWORD_SECRET_ARN = aws_secretsmanager_secret.orders_db.arn
      PAYMENT_API_KEY        = var.payment_api_key
      FEATURE_FLAGS          = jsonencode({ fastCheckout = true, retries = 3 })
    }
  }

  tracing_config {
    mode = "Active"
  }

  vpc_config {
    subnet_ids         = [for s in aws_subnet.private : s.id]
    security_group_ids = [aws_security_group.lambda.id]
  }

  tags = merge(local.common_tags, {
    Name = "order-api"
  })

  depends_on = [aws_iam_role_policy.order_api_secrets]
}
