// The QR codes the app prints and shows (room signs, the wall, speaker claim links): one size and error level for all.
import QRCode from 'qrcode';

export const qrSvg = (target: string) => QRCode.toString(target, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
