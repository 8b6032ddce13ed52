locals {
  create_role = var.create && var.create_function && !var.create_layer && var.create_role

  log_group_arn = local.create_role && var.edge ? format("arn:%s:%s:%s", data.aws_arn.a[0].partition, "*", data.aws_arn.a[0].resource) : local.regional

  services = distinct(compact(concat(
    slice(["lambda.amazonaws.com", "edgelambda.amazonaws.com"], 0, var.edge ? 2 : 1),
    [for service in var.trusted : try(tostring(service), "")]
  )))

  principals = [
    for principal in var.trusted : {
      type        = principal.type
      identifiers = tolist(principal.identifiers)
    }
    if !can(tostring(principal))
  ]

  by_name = {
    for k, v in var.functions :
    k => merge(v, { name = "${var.prefix}-${k}" })
    if v.enabled
  }

  grouped = { for f in var.files : f.dir => f.name... }
}

data "aws_iam_policy_document" "logs" {
  count = local.create_role ? 1 : 0

  statement {
    effect = "Allow"

    actions = compact([
      !var.use_existing ? "logs:CreateLogGroup" : "",
      "logs:CreateLogStream",
      "logs:PutLogEvents"
    ])

    resources = flatten([for _, v in ["%v:*", "%v:*:*"] : format(v, local.log_group_arn)])
  }

  dynamic "statement" {
    for_each = var.policy_statements

    content {
      sid     = lookup(statement.value, "sid", replace(statement.key, "/[^0-9A-Za-z]*/", ""))
      effect  = lookup(statement.value, "effect", null)
      dynamic "condition" {
        for_each = lookup(statement.value, "condition", [])
        content {
          test     = condition.value.test
          variable = condition.value.variable
          values   = condition.value.values
        }
      }
    }
  }
}

resource "aws_lambda_function" "this" {
  count    = var.create ? 1 : 0
  provider = aws.us

  function_name = var.function_name
  environment {
    variables = var.environment_variables
  }

  dynamic "vpc_config" {
    for_each = var.subnet_ids != null && var.security_group_ids != null ? [true] : []
    content {
      security_group_ids = var.security_group_ids
      subnet_ids         = var.subnet_ids
    }
  }

  lifecycle {
    ignore_changes = [tags["CreatedAt"], environment[0].variables]
    precondition {
      condition     = length(var.function_name) <= 64
      error_message = "The name must be at most 64 characters, got ${length(var.function_name)}."
    }
  }

  timeouts {
    create = "10m"
  }

  depends_on = [
    aws_iam_role_policy_attachment.logs,
    aws_cloudwatch_log_group.lambda,
  ]
}

module "us" {
  source    = "./modules/x"
  providers = { aws = aws.us }
  count     = var.enabled ? 1 : 0
  names     = [for n in var.names : upper(n)]
}

moved {
  from = aws_lambda_function.old
  to   = aws_lambda_function.this[0]
}

import {
  to = aws_kms_key.k
  id = "1234abcd-12ab-34cd-56ef-1234567890ab"
}

check "health" {
  data "http" "status" {
    url = "https://example.com/health"
  }
  assert {
    condition     = data.http.status.status_code == 200
    error_message = "${data.http.status.url} returned an unhealthy status code"
  }
}

terraform {
  cloud {
    organization = "acme"
    workspaces {
      tags = ["orders"]
    }
  }
}

output "template" {
  value = <<-EOT
    %{~ for name, arn in local.by_name ~}
    ${name} = ${arn}
    %{~ endfor ~}
    %{ if var.x != "" }x=${jsonencode({ a = "}" })}%{ endif }
  EOT
}

resource "aws_ssm_parameter" "p" {
  name  = "/orders/${var.env}/db/password"
  type  = "SecureString"
  value = random_password.db.result
  tags = {
    "Name" : "orders-db",
    Environment = var.env
  }
}

variable "functions" {
  type = map(object({
    enabled = optional(bool, true)
    memory  = optional(number)
  }))
  default = {}

  validation {
    condition     = alltrue([for f in values(var.functions) : f.memory == null || try(f.memory >= 128, false)])
    error_message = "Memory must be >= 128."
  }
}
