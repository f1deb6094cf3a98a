// "id: T-2\n标题: 中文\n" as an old editor saves it in GBK.
export const iconvFreeGbk = Buffer.from([105, 100, 58, 32, 84, 45, 50, 10, 177, 234, 204, 226, 58, 32, 214, 208, 206, 196, 10]);
