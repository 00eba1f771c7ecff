using ResearchKit.Notebooks.Documents;
using ResearchKit.Notebooks.Site;

namespace ResearchKit.Notebooks.Tests.Site;

public class NotebookPageTests
{
    [Fact]
    public void LinearAlgebra_PreambleLine_IsFoundForTheFooter()
    {
        var doc = NotebookReader.Parse("""
            {"cells":[{"cell_type":"code","source":"x","outputs":[
              {"output_type":"stream","name":"stdout","text":["scale: Full; linear algebra: native (OpenBLAS 0.3.21)\n","next line\n"]}]}]}
            """, "01-x.ipynb");
        Assert.Equal("native (OpenBLAS 0.3.21)", new NotebookPage("01-x.ipynb", doc).LinearAlgebra);
    }

    [Fact]
    public void LinearAlgebra_NoPreambleLine_IsNull()
    {
        var doc = NotebookReader.Parse("""{"cells":[{"cell_type":"code","source":"x","outputs":[]}]}""", "02-y.ipynb");
        Assert.Null(new NotebookPage("02-y.ipynb", doc).LinearAlgebra);
    }
}
