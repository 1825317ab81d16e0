"""Real files for the demo data: header images drawn with Pillow and a small PDF.

Generated rather than committed so the repository holds no binaries and
every demo project gets its own picture: a diagonal gradient in the
platform's colours with a few soft shapes, saved as JPEG or PNG.
"""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFilter

Color = tuple[int, int, int]


def hex_color(value: str) -> Color:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _mix(a: Color, b: Color, t: float) -> Color:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def header_image(
    start: Color, end: Color, seed: int, size: tuple[int, int] = (640, 320), fmt: str = "JPEG"
) -> bytes:
    """A gradient from ``start`` to ``end`` with circles and a skyline; same seed, same image."""
    width, height = size
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for x in range(width):
        draw.line([(x, 0), (x, height)], fill=_mix(start, end, x / max(width - 1, 1)))
    shapes = Image.new("RGBA", size, (0, 0, 0, 0))
    shape_draw = ImageDraw.Draw(shapes)
    for _ in range(6):
        r = rng.randint(height // 8, height // 3)
        cx, cy = rng.randint(0, width), rng.randint(0, height)
        shape_draw.ellipse(
            [cx - r, cy - r, cx + r, cy + r], fill=(255, 255, 255, rng.randint(30, 80))
        )
    x = 0
    while x < width:  # a simple skyline along the bottom
        w, h = rng.randint(30, 70), rng.randint(height // 6, height // 2)
        shape_draw.rectangle(
            [x, height - h, x + w, height], fill=(*_mix(start, (0, 0, 0), 0.5), 140)
        )
        x += w + rng.randint(4, 16)
    image = Image.alpha_composite(image.convert("RGBA"), shapes.filter(ImageFilter.GaussianBlur(1)))
    out = io.BytesIO()
    if fmt == "PNG":
        image.quantize(colors=256).save(out, "PNG", optimize=True)
    else:
        image.convert("RGB").save(out, "JPEG", quality=60, optimize=True)
    return out.getvalue()


def _pdf_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page PDF (Helvetica, Latin-1 text) with a title and some lines."""
    content = ["BT", "/F1 20 Tf", "72 760 Td", f"({_pdf_text(title)}) Tj", "/F1 12 Tf"]
    for line in lines:
        content += ["0 -22 Td", f"({_pdf_text(line)}) Tj"]
    content.append("ET")
    stream = "\n".join(content).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
