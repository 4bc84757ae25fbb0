/**
 * NutUI's styles for the components this app uses, and only those: the whole stylesheet
 * (dist/style.css, 231 KB in the weapp main package's app-origin.wxss) styled some eighty components
 * we never render. A component added to the app needs its line here (its style/css pulls in the
 * styles of the components it draws, e.g. Popup's Overlay).
 */
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
