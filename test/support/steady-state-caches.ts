// Warm-function caches on, as deployed: the token and company settings are read once, then cached,
// so request counts measure the operation itself at steady state.
process.env.TOKEN_CACHE_SECONDS = '300';
