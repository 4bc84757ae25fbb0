export default definePageConfig({
  navigationBarTitleText: '物业客服',
  navigationBarBackgroundColor: '#ededed',
  backgroundColor: '#ededed',
});
