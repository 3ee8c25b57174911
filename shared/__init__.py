"""ParentPath's domain library: models, ports, services, adapters and wiring."""
