/*
 * Customer managed key for the orders secrets and the function's environment.
 */
resource "aws_kms_key" "orders" {
  description             = "orders secrets and Lambda environment"
  deletion_window_in_days = 30
  enable_key_rotation     = true
  multi_region            = false

  policy = data.aws_iam_policy_document.orders_key.json
}

resource "aws_kms_alias" "orders" {
  name          = "alias/orders"
  target_key_id = aws_kms_key.orders.key_id
}

data "aws_iam_policy_document" "orders_key" {
  // the account root keeps administrative access, as AWS's default key policy does
  statement {
    sid       = "EnableRootAccess"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    sid       = "AllowLambdaDecrypt"
    actions   = ["kms:Decrypt"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.order_api.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["lambda.${var.region}.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "kms:CallerAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }

  dynamic "statement" {
    for_each = var.extra_key_users
    content {
      sid       = "ExtraUser${statement.key}"
      actions   = ["kms:Decrypt"]
      resources = ["*"]
      principals {
        type        = "AWS"
        identifiers = [statement.value]
      }
    }
  }
}

output "orders_key_arn" {
  description = "ARN of the orders key"
  value       = aws_kms_key.orders.arn
}

output "orders_key_alias" {
  value     = aws_kms_alias.orders.name
  sensitive = false
}
