#!/bin/sh
# Host firewall for the API server: deny by default, rate-limit SSH, and open only the web ports.
set -e

ufw --force reset
ufw default deny incoming
ufw default allow outgoing

ufw limit OpenSSH comment 'SSH, rate limited'
ufw allow 80/tcp comment 'HTTP, redirects to HTTPS'
ufw allow 443/tcp comment 'HTTPS'
# The reporting team reaches the database only from the hospital's management network.
ufw allow from 192.168.10.0/24 to any port 5432 proto tcp

ufw --force enable
