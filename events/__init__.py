"""The events app: parser, extractor, storage, ingestion and publishing of dated tech events."""
