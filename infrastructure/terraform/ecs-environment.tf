# Backend environment for every task definition. Names must exist in ENV_NAMES
# (backend/src/config.ts); infrastructure/tests/manifests.test.ts checks it.
locals {
  backend_environment = merge(
    {
      NODE_ENV          = "production"
      PORT              = "3000"
      PUBLIC_URL        = var.public_url
      TRUST_PROXY       = "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16" # the ALB, inside the VPC
      LOG_LEVEL         = var.log_level
      DATABASE_POOL_MAX = tostring(var.database_pool_max)
      OTEL_SERVICE_NAME = "${var.name}-backend"
      # Documents in the bucket, through the task role (the standard AWS credential chain).
      STORAGE_DRIVER = "s3"
      S3_BUCKET      = aws_s3_bucket.documents.bucket
      S3_REGION      = var.aws_region
    },
    var.enable_redis ? {
      REDIS_URL = "rediss://${one(aws_elasticache_replication_group.main[*].primary_endpoint_address)}:6379"
    } : {},
  )

  backend_secrets = {
    AUTH_SECRET  = aws_secretsmanager_secret.auth_secret.arn
    DATABASE_URL = aws_secretsmanager_secret.database_url.arn
    SMTP_URL     = aws_secretsmanager_secret.smtp_url.arn
  }

  container_environment = [for key, value in local.backend_environment : { name = key, value = value }]
  container_secrets     = [for key, arn in local.backend_secrets : { name = key, valueFrom = arn }]
}
