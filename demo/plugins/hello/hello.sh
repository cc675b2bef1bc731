#!/bin/sh
echo "Hello from $HELM_PLUGIN_NAME! args: $* (namespace: $HELM_NAMESPACE)"
