output "load_balancer_dns_name" {
  description = "Point the PUBLIC_URL host name at this (CNAME / alias)."
  value       = aws_lb.main.dns_name
}

output "ecs_cluster_name" {
  value = aws_ecs_cluster.main.name
}

output "database_endpoint" {
  value = aws_db_instance.main.endpoint
}

output "redis_endpoint" {
  value = one(aws_elasticache_replication_group.main[*].primary_endpoint_address)
}

output "documents_bucket" {
  value = aws_s3_bucket.documents.bucket
}

output "secret_arns" {
  description = "Secrets Manager entries injected into the tasks."
  value       = local.backend_secrets
}

output "migrate_command" {
  description = "Runs the migrations as a one-off Fargate task."
  value       = "aws ecs run-task --cluster ${aws_ecs_cluster.main.name} --launch-type FARGATE --task-definition ${aws_ecs_task_definition.migrate.family} --network-configuration 'awsvpcConfiguration={subnets=[${join(",", var.private_subnet_ids)}],securityGroups=[${aws_security_group.app.id}],assignPublicIp=DISABLED}'"
}
