"""Subscriptions and staff broadcasts: jobs, the send worker, announcements of new records."""
