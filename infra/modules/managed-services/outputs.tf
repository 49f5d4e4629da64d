output "database_url" {
  description = "DATABASE_URL for game-backend."
  value       = "postgres://${var.database_username}:${random_password.postgres.result}@${aws_db_instance.postgres.address}:${aws_db_instance.postgres.port}/${var.database_name}?sslmode=require"
  sensitive   = true
}

output "redis_host" {
  description = "REDIS_HOST for game-backend (the replication group's primary endpoint)."
  value       = aws_elasticache_replication_group.redis.primary_endpoint_address
}

output "redis_port" {
  description = "REDIS_PORT for game-backend."
  value       = aws_elasticache_replication_group.redis.port
}

output "rabbitmq_url" {
  description = "RABBITMQ_URL for game-backend (TLS)."
  value       = "amqps://${var.rabbitmq_username}:${random_password.rabbitmq.result}@${local.rabbitmq_host}:5671"
  sensitive   = true
}

output "security_group_id" {
  description = "Security group of the services."
  value       = aws_security_group.services.id
}
