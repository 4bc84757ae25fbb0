import Taro from '@tarojs/taro';

/**
 * Lets the office pick a filled-in sheet: from a WeChat chat in the mini-program (files reach a phone
 * that way), from the computer's disk in the H5 build. Resolves to a path Taro.uploadFile takes, or null
 * when nothing was chosen.
 */
export async function chooseSheetFile(): Promise<string | null> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.xlsx,.csv';
      input.style.display = 'none';
      input.onchange = () => {
        const file = input.files?.[0];
        input.remove();
        resolve(file ? URL.createObjectURL(file) : null);
      };
      input.oncancel = () => {
        input.remove();
        resolve(null);
      };
      document.body.appendChild(input);
      input.click();
    });
  }
  try {
    const chosen = await Taro.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: ['xlsx', 'csv'],
    });
    return chosen.tempFiles[0]?.path ?? null;
  } catch {
    return null; // cancelled
  }
}

/** Shows a downloaded sheet: WeChat's document viewer (whose menu forwards it), or the browser's download in H5. */
export async function openSheet(filePath: string, name: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a');
    link.href = filePath;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    return;
  }
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
}
