// The fastest possible answer to POST /collect: what wrangler dev and workerd cost by themselves, as the
// baseline the real collector is compared with.
export default {
  fetch: () => new Response(null, { status: 204 }),
};
