namespace Openterface.Hil.Imaging.Tests.Frames;

/// <summary>Issue 14, findings 4 and 10 (Imaging part): explicit frame ownership, size caps and a bounded pool.</summary>
public class FrameOwnershipTests
{
    [Test]
    public void Disposing_one_owner_twice_does_not_take_another_owners_reference()
    {
        var original = Frame.Allocate(4, 2, PixelFormat.Gray8);
        var shared = original.Share();

        original.Dispose();
        original.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(shared.Pixels.Length, Is.EqualTo(8), "the other owner still has its pixels");
            Assert.That(() => original.Pixels.Length, Throws.TypeOf<ObjectDisposedException>());
            Assert.That(shared, Is.Not.SameAs(original), "each share is its own owner object");
            Assert.That(shared.SharesPixelsWith(original), Is.True);
        });
        shared.Dispose();
        Assert.That(() => shared.Pixels.Length, Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public void A_share_carries_the_capture_information_and_a_disposed_owner_cannot_share()
    {
        using var frame = Frame.Allocate(2, 2, PixelFormat.Bgr24);
        frame.Stamp(7, 1234, DateTimeOffset.UnixEpoch, "test://a");
        using var shared = frame.Share();
        var gone = frame.Share();
        gone.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That((shared.Sequence, shared.Timestamp, shared.Source), Is.EqualTo((7L, 1234L, "test://a")));
            Assert.That(() => gone.Share(), Throws.TypeOf<ObjectDisposedException>());
        });
    }

    [TestCase(65535, 65535)]
    [TestCase(40000, 17000)]
    [TestCase(8193, 1)]
    [TestCase(0, 10)]
    public void Absurd_sizes_are_refused_before_any_allocation(int width, int height)
    {
        Assert.That(() => Frame.Allocate(width, height, PixelFormat.Bgr24),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains($"'{width}x{height}' is outside 1x1..8192x8192"));
    }

    [Test]
    public void The_largest_allowed_size_product_does_not_overflow()
    {
        Assert.That(Frame.CheckedLength(Frame.MaxDimension, Frame.MaxDimension, PixelFormat.Bgr24), Is.EqualTo(8192L * 8192 * 3));
    }

    [Test]
    public void The_pool_keeps_no_more_than_its_byte_cap()
    {
        // 48 frames of 8 MiB: 384 MiB, more than the cap.
        var frames = Enumerable.Range(0, 48).Select(_ => Frame.Allocate(4096, 683, PixelFormat.Bgr24)).ToList();
        foreach (var frame in frames)
        {
            frame.Dispose();
        }

        Assert.That(PixelBufferPool.PooledBytes, Is.LessThanOrEqualTo(PixelBufferPool.MaxPooledBytes));
    }
}
