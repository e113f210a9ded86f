# The virtual robot's neopixel module: its colour LEDs.
import robocole_virtual as _hw


class NeoPixel:
    def __init__(self, pin, n, bpp=3):
        self.n = n
        self._pixels = [(0, 0, 0)] * n

    def __len__(self):
        return self.n

    def __setitem__(self, index, rgb):
        self._pixels[index] = tuple(rgb)

    def __getitem__(self, index):
        return self._pixels[index]

    def fill(self, rgb):
        self._pixels = [tuple(rgb)] * self.n

    def write(self):
        for index, (r, g, b) in enumerate(self._pixels):
            _hw.led(index, r, g, b)

    show = write
