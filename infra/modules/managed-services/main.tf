# Managed PostgreSQL (RDS), Redis (ElastiCache) and RabbitMQ (Amazon MQ) for game-backend on AWS, private to the
# cluster's VPC. Optional: infra/ uses it when create_managed_services is true; bring your own services otherwise.

resource "random_password" "postgres" {
  length  = 32
  special = false
}

resource "random_password" "rabbitmq" {
  length  = 32
  special = false
}

resource "aws_security_group" "services" {
  name_prefix = "${var.name}-services-"
  description = "game-backend managed services, reachable from the cluster only"
  vpc_id      = var.vpc_id
  tags        = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "service_ports" {
  for_each = {
    for pair in setproduct(var.allowed_cidr_blocks, [5432, 6379, 5671]) : "${pair[0]}-${pair[1]}" => {
      cidr = pair[0]
      port = pair[1]
    }
  }

  security_group_id = aws_security_group.services.id
  cidr_ipv4         = each.value.cidr
  from_port         = each.value.port
  to_port           = each.value.port
  ip_protocol       = "tcp"
  description       = "game-backend to its services"
}

# ---- PostgreSQL ---------------------------------------------------------------------------------------------------

resource "aws_db_subnet_group" "postgres" {
  name_prefix = "${var.name}-"
  subnet_ids  = var.subnet_ids
  tags        = var.tags
}

resource "aws_db_instance" "postgres" {
  identifier_prefix     = "${var.name}-"
  engine                = "postgres"
  engine_version        = var.postgres_version
  instance_class        = var.postgres_instance_class
  allocated_storage     = var.postgres_storage_gb
  max_allocated_storage = var.postgres_storage_gb * 4
  storage_type          = "gp3"
  storage_encrypted     = true
  multi_az              = var.postgres_multi_az

  db_name  = var.database_name
  username = var.database_username
  password = random_password.postgres.result

  db_subnet_group_name   = aws_db_subnet_group.postgres.name
  vpc_security_group_ids = [aws_security_group.services.id]
  publicly_accessible    = false

  backup_retention_period   = 7
  deletion_protection       = var.deletion_protection
  skip_final_snapshot       = !var.deletion_protection
  final_snapshot_identifier = var.deletion_protection ? "${var.name}-final" : null
  apply_immediately         = false

  tags = var.tags
}

# ---- Redis --------------------------------------------------------------------------------------------------------

resource "aws_elasticache_subnet_group" "redis" {
  name       = "${var.name}-redis"
  subnet_ids = var.subnet_ids
  tags       = var.tags
}

resource "aws_elasticache_replication_group" "redis" {
  replication_group_id       = "${var.name}-redis"
  description                = "game-backend leaderboards and cluster coordination"
  engine                     = "redis"
  engine_version             = var.redis_engine_version
  node_type                  = var.redis_node_type
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  port                       = 6379
  subnet_group_name          = aws_elasticache_subnet_group.redis.name
  security_group_ids         = [aws_security_group.services.id]
  at_rest_encryption_enabled = true
  # the app's Lettuce client connects without TLS by default (REDIS_HOST/REDIS_PORT); enable both together
  transit_encryption_enabled = false
  tags                       = var.tags
}

# ---- RabbitMQ -----------------------------------------------------------------------------------------------------

resource "aws_mq_broker" "rabbitmq" {
  broker_name                = "${var.name}-rabbitmq"
  engine_type                = "RabbitMQ"
  engine_version             = var.rabbitmq_engine_version
  host_instance_type         = var.rabbitmq_instance_type
  deployment_mode            = "SINGLE_INSTANCE"
  publicly_accessible        = false
  subnet_ids                 = [var.subnet_ids[0]]
  security_groups            = [aws_security_group.services.id]
  auto_minor_version_upgrade = true

  user {
    username = var.rabbitmq_username
    password = random_password.rabbitmq.result
  }

  tags = var.tags
}

locals {
  # Amazon MQ gives amqps://host:5671; the app takes credentials in the URL
  rabbitmq_endpoint = aws_mq_broker.rabbitmq.instances[0].endpoints[0]
  rabbitmq_host     = regex("^amqps://([^:/]+)", local.rabbitmq_endpoint)[0]
}
