#!/bin/sh
# Helm 3 downloader convention: certFile keyFile caFile href
echo "pretend content of $4"
