export default definePageConfig({ navigationBarTitleText: '档案查阅记录' });
