resource "random_password" "auth_secret" {
  length  = 64
  special = false
}

resource "aws_secretsmanager_secret" "auth_secret" {
  name                    = "${local.prefix}/AUTH_SECRET"
  description             = "better-auth signing secret"
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "auth_secret" {
  secret_id     = aws_secretsmanager_secret.auth_secret.id
  secret_string = random_password.auth_secret.result
}

resource "aws_secretsmanager_secret" "database_url" {
  name                    = "${local.prefix}/DATABASE_URL"
  description             = "PostgreSQL connection string for the backend"
  recovery_window_in_days = 7
}

# TLS to RDS inside the VPC without CA verification (node-postgres "no-verify"); to verify, add
# the RDS CA bundle to the image, point NODE_EXTRA_CA_CERTS at it and use sslmode=verify-full.
resource "aws_secretsmanager_secret_version" "database_url" {
  secret_id     = aws_secretsmanager_secret.database_url.id
  secret_string = "postgres://${aws_db_instance.main.username}:${random_password.db.result}@${aws_db_instance.main.address}:${aws_db_instance.main.port}/${aws_db_instance.main.db_name}?sslmode=no-verify"
}

# The mail relay (smtp://USER:PASSWORD@HOST:587): production refuses to start without it. Its value
# is the operator's to set (aws secretsmanager put-secret-value) before the first deploy.
resource "aws_secretsmanager_secret" "smtp_url" {
  name                    = "${local.prefix}/SMTP_URL"
  description             = "SMTP relay URL for the backend's mail"
  recovery_window_in_days = 7
}
