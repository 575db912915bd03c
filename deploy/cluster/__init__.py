"""Several app servers on one machine: the cluster script, its services and the load test."""
