export default definePageConfig({ navigationBarTitleText: '住户资料导入' });
