import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import devConfig from './dev';
import prodConfig from './prod';

/** CSS modules stay off on both targets (class names are plain BEM); Taro's naming if one is turned on. */
const cssModules = {
  enable: false,
  config: {
    namingPattern: 'module' as const,
    generateScopedName: '[name]__[local]___[hash:base64:5]',
  },
};

/**
 * Taro build configuration for both targets. Each platform builds into its own folder
 * (dist/weapp for WeChat DevTools, dist/h5 for the browser and the server's static root),
 * so one build never overwrites the other.
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'weapp';
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linli-miniapp',
    date: '2026-11-22',
    // NutUI React Taro is drawn at 375; our own styles at Taro's default 750.
    designWidth(input) {
      const file = typeof input === 'object' && input?.file ? input.file.replace(/\\+/g, '/') : '';
      return file.includes('@nutui') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    defineConstants: {},
    env: {
      // Where the mini-program finds the API. H5 is served by the API itself (same origin).
      TARO_APP_API_BASE: JSON.stringify(
        process.env.TARO_APP_API_BASE ?? (platform === 'h5' ? '' : 'http://localhost:3000'),
      ),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules,
      },
      // Components style their own BEM-named classes (and NutUI's only beneath them), so the order in
      // which pages happen to import them does not decide a rule: no "Conflicting order" warnings, as on H5.
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        // The root font follows the screen's narrow side up to this size: a phone gets the usual scale, a
        // desktop browser a phone's scale too (not twice it), with the width capped in app.scss.
        pxtransform: { enable: true, config: { maxRootSize: 22 } },
        autoprefixer: { enable: true, config: {} },
        cssModules,
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
