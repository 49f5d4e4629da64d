output "namespace" {
  description = "Namespace of the release."
  value       = module.game_backend.namespace
}

output "service_name" {
  description = "Service in front of the pods (port 4000): kubectl port-forward svc/<name> 4000."
  value       = module.game_backend.service_name
}

output "public_url" {
  description = "Where players reach the API and the socket."
  value       = module.game_backend.public_url
}

output "release_status" {
  description = "Helm's status of the release."
  value       = module.game_backend.release_status
}

output "managed_redis_host" {
  description = "ElastiCache primary endpoint (when create_managed_services)."
  value       = var.create_managed_services ? module.managed_services[0].redis_host : null
}
