export default definePageConfig({
  navigationBarTitleText: '微信消息投递',
  enablePullDownRefresh: true,
});
