#!/bin/sh
# Host firewall for the API server, as first provisioned.
set -e

ufw --force reset
ufw default allow incoming
ufw default allow outgoing

ufw allow 22/tcp
ufw allow 80/tcp
ufw allow 443/tcp
# The reporting team queries the database directly.
ufw allow 5432/tcp

ufw --force enable
