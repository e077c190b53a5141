namespace ExNunc.Domain.Cases;

/// <summary>
/// What a case file may refer to in the knowledge base: Russian article ids (<c>proceedings.article</c>)
/// and objection ids (<c>applications.reasons</c>). The knowledge base implements it.
/// </summary>
public interface ICaseCatalog
{
    bool IsArticle(string id);
    bool IsObjection(string id);
}
