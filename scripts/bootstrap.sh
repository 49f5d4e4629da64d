#!/usr/bin/env bash
# make bootstrap: deploys game-backend to an existing Kubernetes cluster with Terraform (infra/): checks the tools
# and inputs, then terraform init, validate, plan (to a file), asks, and applies exactly that plan.
#   AUTO_APPROVE=1   apply without asking (CI)
#   IMAGE_TAG=...    image tag to deploy (default: image_tag from terraform.tfvars, else the git revision)
#   TF_DIR=infra     the Terraform root
# See infra/README.md and docs/deployment.md.
set -euo pipefail
cd "$(dirname "$0")/.."

tf_dir="${TF_DIR:-infra}"
plan_file="bootstrap.tfplan"

step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'bootstrap: %s\n' "$*" >&2; exit 1; }

step "Checking tools"
command -v terraform > /dev/null 2>&1 \
  || fail "terraform is not installed (https://developer.hashicorp.com/terraform/install, 1.5 or newer)."
tf_version="$(terraform version | head -n1 | sed -E 's/^Terraform v([0-9.]+).*/\1/')"
if [[ "$(printf '%s\n%s\n' "1.5.0" "$tf_version" | sort -V | head -n1)" != "1.5.0" ]]; then
  fail "terraform $tf_version is too old; 1.5.0 or newer is needed."
fi
echo "terraform $tf_version"
if command -v kubectl > /dev/null 2>&1; then
  if kubectl cluster-info > /dev/null 2>&1; then
    echo "kubectl reaches the cluster of context '$(kubectl config current-context 2>/dev/null || echo '?')'"
  else
    echo "warning: kubectl cannot reach a cluster with its current context; terraform uses kubeconfig_path/kube_context from terraform.tfvars" >&2
  fi
else
  echo "kubectl not found (optional: useful to watch the rollout)"
fi

step "Checking inputs"
[[ -d "$tf_dir" ]] || fail "no Terraform root at $tf_dir."
[[ -f "$tf_dir/terraform.tfvars" ]] \
  || fail "$tf_dir/terraform.tfvars is missing: cp $tf_dir/terraform.tfvars.example $tf_dir/terraform.tfvars and fill it in."
[[ -f helm/game-backend/Chart.yaml ]] || fail "helm/game-backend is missing; run from a full clone."

tag_args=()
if [[ -n "${IMAGE_TAG:-}" ]]; then
  tag_args=(-var "image_tag=${IMAGE_TAG}")
  echo "image tag: ${IMAGE_TAG} (IMAGE_TAG)"
elif grep -qE '^[[:space:]]*image_tag[[:space:]]*=' "$tf_dir/terraform.tfvars"; then
  echo "image tag: from $tf_dir/terraform.tfvars"
else
  command -v git > /dev/null 2>&1 && git rev-parse --git-dir > /dev/null 2>&1 \
    || fail "no IMAGE_TAG, no image_tag in terraform.tfvars and no git checkout to take the revision from."
  revision="$(git rev-parse --short=12 HEAD)"
  if [[ -n "$(git status --porcelain --untracked-files=no)" ]]; then
    echo "warning: uncommitted changes; deploying the image of the last commit, ${revision}" >&2
  fi
  tag_args=(-var "image_tag=${revision}")
  echo "image tag: ${revision} (git revision; build and push it first: make docker-build IMAGE=<registry>/game-backend PUSH=1)"
fi

step "terraform init"
terraform -chdir="$tf_dir" init -input=false

step "terraform validate"
terraform -chdir="$tf_dir" validate

step "terraform plan"
terraform -chdir="$tf_dir" plan -input=false "${tag_args[@]}" -out="$plan_file"

if [[ "${AUTO_APPROVE:-0}" != "1" ]]; then
  [[ -t 0 ]] || fail "no terminal to confirm the plan; run with AUTO_APPROVE=1 to apply it without asking."
  read -r -p "Apply this plan? [y/N] " answer
  [[ "$answer" == "y" || "$answer" == "Y" ]] || { rm -f "$tf_dir/$plan_file"; echo "Nothing applied."; exit 0; }
fi

step "terraform apply"
terraform -chdir="$tf_dir" apply -input=false "$plan_file"
rm -f "$tf_dir/$plan_file"

step "Done"
terraform -chdir="$tf_dir" output
echo "Watch the pods: kubectl -n \"\$(terraform -chdir=$tf_dir output -raw namespace)\" get pods -w"
