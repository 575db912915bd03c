"""Security hardening: Content-Security-Policy, sign-in throttling, two-factor sign-in for
editors and upload limits. The settings themselves are in newsroom/settings.py ("Security")."""
