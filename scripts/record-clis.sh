#!/usr/bin/env bash
# Records what docker, terraform and gcloud print when a call fails (issue
# 18: "the CLIs developers run every day"), into
# cmd/testdata/programs/cli-{docker,terraform,gcloud}-CASE.txt, stdout and
# stderr together as a person copies them. The CLIs run against
# internal/fixtureserver (an OCI registry's errors, terraform's http state
# backend, Google APIs behind gcloud's endpoint overrides; the replies are in
# internal/fixtureserver/clis.go), a closed port, and the ports that close
# or reset. What a correct diagnosis of each file is, and which version made
# it, is in cmd/testdata/programs/README.md ("docker, terraform, gcloud"):
# review it with the diff when re-recording.
#
# Everything runs from /tmp/rec in a clean environment (env -i) with dummy
# credentials, so no secret of the machine can reach a recording. Nothing
# here needs the internet: docker's client runs without an engine (none runs
# here) and talks to the registry itself (docker manifest inspect);
# terraform uses only its built-in http backend (no provider is
# downloaded, CHECKPOINT_DISABLE); gcloud reads a dummy access token from a
# file, sends each API to the fixture server (CLOUDSDK_API_ENDPOINT_
# OVERRIDES_*), and has prompts, usage reporting, update checks, surveys
# and the GCE metadata check turned off.
#
# Needs: docker (the client: docker-ce-cli 28.2), terraform 1.11, the Google
# Cloud SDK (gcloud 528), Go (for the fixture server), curl.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
out=$repo/cmd/testdata/programs
work=/tmp/rec
port=18280 proxy=18281 bad=18290
u=http://127.0.0.1:$port
reg=127.0.0.1:$port # the registry, as docker names an image's host
mkdir -p "$out" "$work/home"
chmod 755 "$work"
go build -o "$work/fixtureserver" ./internal/fixtureserver

server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; }
trap cleanup EXIT

start() { # a fresh fixture server for each batch: it stops itself after a minute
	[ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
	"$work/fixtureserver" "$port" "$proxy" "$bad" &
	server=$!
	for _ in $(seq 50); do curl -s -o /dev/null "$u/" && break; sleep 0.1; done
}

clean=(env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=$work/home LANG=C.UTF-8)

rec() { # rec NAME command... : stdout and stderr together, as a person pipes them
	local name=$1
	shift
	(cd "$work" && "${clean[@]}" "$@") >"$out/$name" 2>&1 || true
	echo "recorded $name ($(wc -c <"$out/$name") bytes)"
}

# docker: the client with no engine, and the client's own registry calls
# (--insecure: plain HTTP to the fixture; docker tries HTTPS first, then HTTP).
docker=(env DOCKER_CONFIG="$work/docker" docker)
mkdir -p "$work/docker"
start
rec cli-docker-no-daemon.txt "${docker[@]}" ps
rec cli-docker-manifest-401.txt "${docker[@]}" manifest inspect --insecure "$reg/errcode/private:1.0"
rec cli-docker-manifest-404.txt "${docker[@]}" manifest inspect --insecure "$reg/errcode/app:9.9"
rec cli-docker-manifest-429.txt "${docker[@]}" manifest inspect --insecure "$reg/errcode/busy:1.0"
rec cli-docker-manifest-refused.txt "${docker[@]}" manifest inspect --insecure 127.0.0.1:1/errcode/app:1.0
rec cli-docker-manifest-reset.txt "${docker[@]}" manifest inspect --insecure "127.0.0.1:$((bad + 1))/errcode/app:1.0"
rec cli-docker-manifest-empty-reply.txt "${docker[@]}" manifest inspect --insecure "127.0.0.1:$bad/errcode/app:1.0"

# terraform: the http backend (retry_max = 0: one attempt, as a 5xx is
# otherwise retried twice). init reads the state; plan takes the lock first.
tf=(env CHECKPOINT_DISABLE=1 TF_CLI_CONFIG_FILE=/dev/null terraform)
tfdir() { # tfdir NAME ADDRESS [LOCK]: a configuration with only a backend
	local d=$work/tf/$1
	rm -rf "$d"
	mkdir -p "$d"
	{
		echo 'terraform {'
		echo '  backend "http" {'
		echo "    address   = \"$2\""
		[ -n "${3:-}" ] && echo "    lock_address   = \"$3\"" && echo "    unlock_address = \"$3\""
		echo '    retry_max = 0'
		echo '  }'
		echo '}'
	} >"$d/main.tf"
	echo "$d"
}
start
d=$(tfdir init-401 "$u/tfstate/unauthorized")
rec cli-terraform-init-401.txt "${tf[@]}" -chdir="$d" init -no-color -input=false
d=$(tfdir init-403 "$u/tfstate/forbidden")
rec cli-terraform-init-403.txt "${tf[@]}" -chdir="$d" init -no-color -input=false
d=$(tfdir init-500 "$u/tfstate/error")
rec cli-terraform-init-500.txt "${tf[@]}" -chdir="$d" init -no-color -input=false
d=$(tfdir init-refused http://127.0.0.1:1/tfstate)
rec cli-terraform-init-refused.txt "${tf[@]}" -chdir="$d" init -no-color -input=false
d=$(tfdir init-refused-color http://127.0.0.1:1/tfstate)
rec cli-terraform-init-refused-color.txt "${tf[@]}" -chdir="$d" init -input=false # colour, as a CI log keeps it
d=$(tfdir plan-locked "$u/tfstate/none" "$u/tfstate/locked")
(cd "$work" && "${clean[@]}" "${tf[@]}" -chdir="$d" init -no-color -input=false >/dev/null)
rec cli-terraform-plan-locked.txt "${tf[@]}" -chdir="$d" plan -no-color -input=false
d=$(tfdir plan-lock-404 "$u/tfstate/none" "$u/tfstate/no-lock-here")
(cd "$work" && "${clean[@]}" "${tf[@]}" -chdir="$d" init -no-color -input=false >/dev/null)
rec cli-terraform-plan-lock-404.txt "${tf[@]}" -chdir="$d" plan -no-color -input=false

# terraform's s3 backend (aws-sdk-go-v2 inside): dummy credentials, the
# endpoint at the fixture's S3 reply, every call to AWS's own endpoints
# (STS, IMDS, region checks) skipped.
tfs3() { # tfs3 NAME ENDPOINT
	local d=$work/tf/$1
	rm -rf "$d"
	mkdir -p "$d"
	cat >"$d/main.tf" <<-EOF
		terraform {
		  backend "s3" {
		    bucket                      = "fixture-tfstate"
		    key                         = "prod/terraform.tfstate"
		    region                      = "us-east-1"
		    endpoints                   = { s3 = "$2" }
		    use_path_style              = true
		    skip_credentials_validation = true
		    skip_requesting_account_id  = true
		    skip_metadata_api_check     = true
		    skip_region_validation      = true
		    max_retries                 = 1
		  }
		}
	EOF
	echo "$d"
}
aws=(env AWS_ACCESS_KEY_ID=AKIAFIXTUREFIXTURE00 AWS_SECRET_ACCESS_KEY=fixture AWS_CONFIG_FILE=/dev/null
	AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true)
start
d=$(tfs3 s3-init-403 "$u/sdk/aws-xml")
rec cli-terraform-s3-init-403.txt "${aws[@]}" "${tf[@]}" -chdir="$d" init -no-color -input=false
d=$(tfs3 s3-init-refused http://127.0.0.1:1)
rec cli-terraform-s3-init-refused.txt "${aws[@]}" "${tf[@]}" -chdir="$d" init -no-color -input=false

# gcloud: a dummy access token, each API sent to the fixture server.
echo fixture-access-token >"$work/gcloud-token"
rm -rf "$work/gcloud"
gcloud=(env CLOUDSDK_CONFIG="$work/gcloud" CLOUDSDK_CORE_DISABLE_PROMPTS=1
	CLOUDSDK_CORE_DISABLE_USAGE_REPORTING=true CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK=true
	CLOUDSDK_SURVEY_DISABLE_PROMPTS=true CLOUDSDK_CORE_CHECK_GCE_METADATA=false
	CLOUDSDK_AUTH_ACCESS_TOKEN_FILE="$work/gcloud-token" CLOUDSDK_CORE_PROJECT=fixture-project)
crm=CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER
compute=CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE
storage=CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE
start
rec cli-gcloud-projects-describe-403.txt "${gcloud[@]}" $crm="$u/sdk/gcloud/forbidden/" gcloud projects describe fixture-project
rec cli-gcloud-projects-describe-429.txt "${gcloud[@]}" $crm="$u/sdk/gcloud/exhausted/" gcloud projects describe fixture-project
rec cli-gcloud-compute-describe-403.txt "${gcloud[@]}" $compute="$u/sdk/gcloud/forbidden/" gcloud compute instances describe vm-1 --zone us-central1-a
rec cli-gcloud-storage-ls-403.txt "${gcloud[@]}" $storage="$u/sdk/gcloud/storage-forbidden/" gcloud storage ls gs://fixture-bucket
# A closed port needs no server (gcloud retries for about half a minute).
rec cli-gcloud-refused.txt "${gcloud[@]}" $crm=http://127.0.0.1:1/ gcloud projects describe fixture-project
