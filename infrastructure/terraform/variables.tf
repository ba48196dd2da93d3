variable "name" {
  description = "Prefix for every resource name."
  type        = string
  default     = "referral"
}

variable "environment" {
  description = "Deployment stage, e.g. staging or production."
  type        = string
  default     = "production"
}

variable "aws_region" {
  description = "AWS region to deploy into."
  type        = string
  default     = "eu-west-1"
}

variable "vpc_id" {
  description = "Existing VPC to deploy into."
  type        = string
}

variable "public_subnet_ids" {
  description = "Public subnets (two or more availability zones) for the load balancer."
  type        = list(string)
}

variable "private_subnet_ids" {
  description = "Private subnets with outbound internet (NAT) for tasks, database and Redis."
  type        = list(string)
}

variable "backend_image" {
  description = "Backend image (API, worker and migrations), same tag as infrastructure/k8s."
  type        = string
  default     = "ghcr.io/referral-app/backend:0.1.0"
}

variable "public_url" {
  description = "URL users reach the application at (PUBLIC_URL)."
  type        = string
}

variable "certificate_arn" {
  description = "ACM certificate for HTTPS on the load balancer; empty serves plain HTTP only."
  type        = string
  default     = ""
}

variable "log_level" {
  description = "Backend LOG_LEVEL."
  type        = string
  default     = "info"
}

variable "api_desired_count" {
  description = "API tasks at rest (autoscaling raises it up to api_max_count)."
  type        = number
  default     = 2
}

variable "api_max_count" {
  description = "Upper bound for API autoscaling."
  type        = number
  default     = 10
}

variable "worker_desired_count" {
  description = "Queue worker tasks."
  type        = number
  default     = 1
}

variable "api_cpu" {
  description = "Fargate CPU units per API task."
  type        = number
  default     = 512
}

variable "api_memory" {
  description = "Fargate memory (MiB) per API task."
  type        = number
  default     = 1024
}

variable "worker_cpu" {
  description = "Fargate CPU units per worker task."
  type        = number
  default     = 256
}

variable "worker_memory" {
  description = "Fargate memory (MiB) per worker task."
  type        = number
  default     = 512
}

variable "database_pool_max" {
  description = "Connections per backend process (DATABASE_POOL_MAX); keep tasks x pool below max_connections."
  type        = number
  default     = 10
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.medium"
}

variable "db_allocated_storage" {
  description = "Initial RDS storage in GiB (grows automatically up to 5x)."
  type        = number
  default     = 50
}

variable "db_multi_az" {
  description = "Standby replica in a second availability zone."
  type        = bool
  default     = true
}

variable "db_deletion_protection" {
  description = "Refuse to delete the database (turn off only to tear down a test stack)."
  type        = bool
  default     = true
}

variable "enable_redis" {
  description = "Create an ElastiCache Redis for shared rate limits, caches and pub/sub (REDIS_URL)."
  type        = bool
  default     = true
}

variable "redis_node_type" {
  description = "ElastiCache node type."
  type        = string
  default     = "cache.t4g.small"
}

variable "log_retention_days" {
  description = "CloudWatch log retention."
  type        = number
  default     = 30
}
