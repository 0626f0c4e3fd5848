"""The editors' tools: what is generated from the content model (a new file with every field,
`make nieuw`; the JSON Schemas; the editor guide; Decap's configuration) and the local browser
editor (`make beheer`: the preview, and a git server that lets Decap save content files only).

The top stage: it may import every other stage, and none of them imports it.
"""
