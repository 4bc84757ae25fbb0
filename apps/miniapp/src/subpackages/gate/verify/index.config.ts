export default definePageConfig({ navigationBarTitleText: '核验放行条' });
