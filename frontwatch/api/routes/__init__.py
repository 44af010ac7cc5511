"""API routes: each parses its request, calls the Service and renders the result."""
