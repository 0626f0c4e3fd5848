"""Serving the built site: the HTTP headers from one file, the local HTTP server, the nginx
configuration, a trial under the real nginx, the deploy and the compressed copies both make. May import the stages below it
(model, reading, view, outputs) and system.
"""
