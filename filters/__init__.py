"""Privacy filters. They see a `RequestContext` and return decisions; none imports aiohttp."""
