locals {
  secret_prefix = "prod/orders"
  rotation_days = 30
}

resource "aws_secretsmanager_secret" "orders_db" {
  name                    = "${local.secret_prefix}/db"
  description             = "Credentials of the orders database"
  kms_key_id              = aws_kms_key.orders.arn
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "orders_db" {
  secret_id = aws_secretsmanager_secret.orders_db.id
  secret_string = jsonencode({
    username = "orders_app"
    password = "2Yeuo6uWDaDHaJLW4MpTDcCZ8C3ClkZI"
    engine   = "postgres"
    host     = aws_db_instance.orders.address
  })
}

resource "aws_secretsmanager_secret_rotation" "orders_db" {
  secret_id           = aws_secretsmanager_secret.orders_db.id
  rotation_lambda_arn = module.rotation_lambda.lambda_function_arn

  rotation_rules {
    automatically_after_days = local.rotation_days
  }
}

module "rotation_lambda" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "7.2.1"

  function_name = "orders-db-rotation"
  handler       = "lambda_function.lambda_handler"
  runtime       = "python3.12"

  environment_variables = {
    SECRETS_MANAGER_ENDPOINT = "https://secretsmanager.${var.region}.amazonaws.com"
  }
}

resource "aws_secretsmanager_secret_policy" "orders_db" {
  secret_arn = aws_secretsmanager_secret.orders_db.arn

  policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "DenyOutsideOrg",
          "Effect": "Deny",
          "Principal": "*",
          "Action": "secretsmanager:GetSecretValue",
          "Resource": "*",
          "Condition": {
            "StringNotEquals": { "aws:PrincipalOrgID": "${var.org_id}" }
          }
        }
      ]
    }
  POLICY
}

data "aws_iam_policy_document" "rotation" {
  statement {
    sid       = "RotateOrdersSecret"
    effect    = "Allow"
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"]
    resources = [aws_secretsmanager_secret.orders_db.arn]
  }

  statement {
    sid       = "RandomPassword"
    actions   = ["secretsmanager:GetRandomPassword"]
    resources = ["*"]
  }

  statement {
    sid     = "DecryptSecret"
    actions = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [
      aws_kms_key.orders.arn,
    ]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["secretsmanager.${var.region}.amazonaws.com"]
    }
  }
}
