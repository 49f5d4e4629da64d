variable "name" {
  description = "Prefix of every resource name."
  type        = string
  default     = "game-backend"
}

variable "vpc_id" {
  description = "VPC of the Kubernetes cluster; the services are reachable only from inside it."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets (at least two, in different availability zones) for the services."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "subnet_ids needs at least two subnets in different availability zones."
  }
}

variable "allowed_cidr_blocks" {
  description = "CIDR blocks allowed to reach PostgreSQL, Redis and RabbitMQ (the cluster's node or pod ranges)."
  type        = list(string)
}

variable "postgres_version" {
  description = "RDS PostgreSQL engine version."
  type        = string
  default     = "17"
}

variable "postgres_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.medium"
}

variable "postgres_storage_gb" {
  description = "Allocated storage in GiB (grows automatically up to four times this)."
  type        = number
  default     = 50
}

variable "postgres_multi_az" {
  description = "Standby in a second availability zone."
  type        = bool
  default     = true
}

variable "database_name" {
  description = "Database the app uses."
  type        = string
  default     = "game_backend"
}

variable "database_username" {
  description = "Master user of the database."
  type        = string
  default     = "game"
}

variable "redis_node_type" {
  description = "ElastiCache node type."
  type        = string
  default     = "cache.t4g.small"
}

variable "redis_engine_version" {
  description = "ElastiCache Redis engine version."
  type        = string
  default     = "7.1"
}

variable "rabbitmq_instance_type" {
  description = "Amazon MQ broker instance type."
  type        = string
  default     = "mq.m5.large"
}

variable "rabbitmq_engine_version" {
  description = "Amazon MQ RabbitMQ engine version."
  type        = string
  default     = "3.13"
}

variable "rabbitmq_username" {
  description = "Broker user of the app."
  type        = string
  default     = "game"
}

variable "deletion_protection" {
  description = "Protect the database from terraform destroy."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags on every resource."
  type        = map(string)
  default     = {}
}
