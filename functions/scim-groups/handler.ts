// placeholder until the function lands
export const handler = async () => ({ statusCode: 501, body: '' });
