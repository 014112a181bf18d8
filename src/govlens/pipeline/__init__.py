"""The pipeline: a campaign file read (``campaign``), its stages run in order on one store (``runner``), the
demo on the built-in sandbox web (``demo``) and the one-page check (``page_check``). Everything below this
package is a stage; everything above it (the command line, the self-check) only asks it to run.
"""
