"""The analyst's desk in the browser: pages, chart geometry and the JSON shapes of the API, all over the Service."""
