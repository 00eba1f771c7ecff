namespace ResearchKit.Data;

/// <summary>Fashion-MNIST images with their labels (0 T-shirt/top … 9 ankle boot).</summary>
/// <param name="Images">The 28×28 grey images.</param>
/// <param name="Labels">One class label per image.</param>
/// <param name="ImagesOrigin">The file the images were read from.</param>
/// <remarks>Xiao, Rasul &amp; Vollgraf, arXiv 1708.07747 (2017). Used by notebook 01.</remarks>
public sealed record FashionMnistSet(IdxImages Images, byte[] Labels, string ImagesOrigin);
